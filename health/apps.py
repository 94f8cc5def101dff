from django.apps import AppConfig


class HealthConfig(AppConfig):
    name = "health"
    verbose_name = "Notice health"

    def ready(self) -> None:
        from health import receivers  # noqa: F401  (queues the checks of new publications)
