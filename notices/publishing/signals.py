"""Sent after the transaction that made a publication live, or stored its PDF, has committed.

Whatever keeps copies of the public pages (the static mirror) listens here, so publishing never
imports it.
"""

from django.dispatch import Signal

# Sent with `publication`: a new publication is now its notice's live one.
publication_published = Signal()
# Sent with `publication`: its PDF is stored (the page now shows the PDF's size).
publication_pdf_stored = Signal()
# Sent with `publications` once a batch has made them all live: the pages that can wait (each
# version's own page, the versions pages) are written after every live page is.
publications_published = Signal()
