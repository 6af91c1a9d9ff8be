from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "journal"
    verbose_name = "Journal"

    def ready(self) -> None:
        # Signal receivers: session clocks start at log-in; log-ins, failures, log-outs
        # and lock-outs go to the security log.
        from journal.accounts import security_log, session_store  # noqa: F401

        # Import jobs' models live beside the importer (journal.models cannot import it).
        # The start-up check that files holding health data are private.
        from journal.core import checks  # noqa: F401
        from journal.portability import jobs  # noqa: F401

        uploads_folder_prepare()


def uploads_folder_prepare() -> None:
    """The private folder uploads are spooled to, emptied of what killed requests left."""
    from pathlib import Path

    from django.conf import settings

    from journal.core.files import private_folder, remove_older_than

    folder = private_folder(Path(settings.FILE_UPLOAD_TEMP_DIR))
    # Another process may be receiving an upload right now: only old leftovers go.
    remove_older_than(folder, 3600)
