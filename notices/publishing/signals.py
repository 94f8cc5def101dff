"""Sent after the transaction that made a publication live, or stored its PDF, has committed.

Whatever keeps copies of the public pages (the static mirror) listens here, so publishing never
imports it.
"""

from django.dispatch import Signal

# Sent with `publication`: a new publication is now its notice's live one.
publication_published = Signal()
# Sent with `publication`: its PDF is stored (the page now shows the PDF's size).
publication_pdf_stored = Signal()
