from django.db import migrations

from practices.catalog import sync_catalog


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(sync_catalog, migrations.RunPython.noop)]
