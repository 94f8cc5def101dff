"""Fictional demo data (the county of Wexbury) and its idempotent loader, used by `seed_demo`."""
