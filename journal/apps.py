from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "journal"
    verbose_name = "Journal"

    def ready(self) -> None:
        # Signal receivers: session clocks start at log-in; log-ins, failures, log-outs
        # and lock-outs go to the security log.
        from journal.accounts import security_log, session_store  # noqa: F401

        # Import jobs' models live beside the importer (journal.models cannot import it).
        from journal.portability import jobs  # noqa: F401
