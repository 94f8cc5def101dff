from django.apps import AppConfig, apps

# Apps whose text fields hold what a notice is made of: no control or private-use characters.
PLAIN_TEXT_APPS = ["schools", "clauses", "notices", "review"]


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = "Schools, DPOs and sharing partners"

    def ready(self) -> None:
        from .validators import guard_text_fields

        for label in PLAIN_TEXT_APPS:
            if apps.is_installed(label):
                guard_text_fields(apps.get_app_config(label).get_models())
