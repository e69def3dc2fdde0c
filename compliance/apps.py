from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "compliance"
    verbose_name = "10DLC compliance"

    def ready(self) -> None:
        # Register the background tasks services schedule by name (compliance/deferred.py).
        from compliance import tasks  # noqa: F401
