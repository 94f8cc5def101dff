from django.apps import AppConfig


class MirrorConfig(AppConfig):
    name = "mirror"
    verbose_name = "Static mirror of the public notices"

    def ready(self) -> None:
        from mirror import receivers  # noqa: F401  (connects the publishing signals)
