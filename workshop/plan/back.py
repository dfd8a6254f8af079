"""The handout's back cover and notes page, resolved from the outline and the brand.

The outline's ``workshop.handout`` wins; what it leaves out comes from the
brand: its ``defaults.workshop.contact`` lines (after the facilitator) and
brand.yml's own ``meta.link`` as the web address. A brand link that is not a
plain http(s) address is printed but never drawn as a QR code.
"""

from __future__ import annotations

from workshop.brand.model import Brand
from workshop.model import Meta
from workshop.model.workshop import check_url
from workshop.plan.model import BackCover


def back_cover(meta: Meta, brand: Brand) -> BackCover:
    back = meta.handout
    contact = tuple(back.contact)
    if not contact:
        ours = brand.settings.contact
        contact = ((meta.facilitator,) if meta.facilitator and meta.facilitator not in ours else ()) + ours
    url = back.url
    drawable = url is not None
    if url is None and brand.meta.link:
        try:
            url = check_url(brand.meta.link)
            drawable = True
        except ValueError:
            url, drawable = brand.meta.link, False
    return BackCover(contact=contact, next_steps=tuple(back.next_steps), url=url,
                     qr=bool(back.qr and url and drawable), notes_page=back.notes_page)
