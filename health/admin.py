from django.contrib import admin
from reversion_compare.admin import CompareVersionAdmin as VersionAdmin

from .models import OutdatedTerm


@admin.register(OutdatedTerm)
class OutdatedTermAdmin(VersionAdmin):
    list_display = ["term", "kind", "replacement", "outdated_since", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["term", "replacement", "reason"]
