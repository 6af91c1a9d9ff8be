# The catalog's spoken scripts: steps with their own durations and timed cue lines.

from django.db import migrations

from practices.catalog import sync_catalog


class Migration(migrations.Migration):
    dependencies = [("practices", "0004_guidance_timer_and_sound_settings")]

    operations = [migrations.RunPython(sync_catalog, migrations.RunPython.noop)]
