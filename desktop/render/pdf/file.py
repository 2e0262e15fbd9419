"""The PDF file itself: QPdfWriter into memory, then pikepdf repairs the text layer and pins dates and ids.

Writing the same export twice gives the same bytes: the document id is derived from what the PDF
contains, the XMP packet is our own, the dates are SOURCE_DATE_EPOCH or the deck's, and the trailer
/ID is computed from the content when saving.
"""

from __future__ import annotations

import io
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import pikepdf
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QSizeF, QUuid, qVersion
from PySide6.QtGui import QColor, QGlyphRun, QPageLayout, QPageSize, QPainter, QPdfWriter, QPicture

from desktop.deck.model import Deck
from desktop.render.pdf.text import (
    postscript_name,
    raw_font,
    repair_to_unicode,
    strip_primer,
    text_repairs,
    unnamed_glyphs,
)

PT = 10  # layout units per point: pages are laid out in tenths of a point


@dataclass(frozen=True)
class Meta:
    """What identifies one PDF: its title, language, a content-derived id and a fixed date."""

    title: str
    lang: str
    ident: uuid.UUID
    date: datetime


def document_id(deck: Deck, kind: str, lang: str, theme: str, indices: list[int], seed: int | None = None) -> uuid.UUID:
    """The same export of the same deck always gets the same id (uuid5 of what it contains)."""
    key = f"casebook:{deck.id}:{kind}:{lang}:{theme}:{','.join(map(str, indices))}:{seed}"
    return uuid.uuid5(uuid.NAMESPACE_URL, key)


def fixed_date(deck: Deck) -> datetime:
    """SOURCE_DATE_EPOCH when set, else when the deck's files last changed: never the wall clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    files = [*deck.folder.glob("*.yaml"), *([deck.source.path] if deck.source else [])]
    mtimes = [int(f.stat().st_mtime) for f in files if f.is_file()]
    return datetime.fromtimestamp(max(mtimes, default=0), UTC)


def xmp(meta: Meta) -> bytes:
    """Our own XMP packet: Qt's would carry a random DocumentID and the current time."""
    stamp = meta.date.strftime("%Y-%m-%dT%H:%M:%SZ")
    lang = "zh-CN" if meta.lang == "zh" else meta.lang
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>{stamp}</xmp:CreateDate>
   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>
   <xmp:MetadataDate>{stamp}</xmp:MetadataDate>
   <xmp:CreatorTool>Casebook</xmp:CreatorTool>
   <pdf:Producer>Qt {qVersion()}</pdf:Producer>
   <xmpMM:DocumentID>uuid:{meta.ident}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{meta.ident}</xmpMM:InstanceID>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


class Canvas:
    """A QPdfWriter writing into memory, with its painter; pages are `size_pt` points, no printer margins."""

    def __init__(self, page: QPageSize, meta: Meta, family: str) -> None:
        self.bytes = QByteArray()
        self.buffer = QBuffer(self.bytes)
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(self.buffer)
        # The screen's resolution, not a finer one: QPicture (pyqtgraph draws multicoloured bars with one)
        # scales by the device's DPI when played, and would draw those bars ten times too large at 720 dpi.
        self.dpi = QPicture().logicalDpiX()
        writer.setResolution(self.dpi)
        writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF()))
        writer.setTitle(meta.title)
        writer.setCreator("Casebook")
        writer.setDocumentId(QUuid(str(meta.ident)))
        writer.setDocumentXmpMetadata(QByteArray(xmp(meta)))
        self.writer = writer
        self.painter = QPainter(writer)
        self.pages = 0
        self._units()
        self.primer = self._prime(family)

    def _prime(self, family: str) -> dict[str, tuple[str, ...]]:
        """Draws, before anything else, each weight's unnamed glyphs, so they become codes 1, 2, 3 … of that font."""
        primer = {}
        for bold in (False, True):
            raw = raw_font(family, bold)
            glyphs = unnamed_glyphs(family, bold)
            if not glyphs or not raw.isValid():
                continue
            run = QGlyphRun()
            run.setRawFont(raw)
            run.setGlyphIndexes([glyph for glyph, _ in glyphs])
            run.setPositions([QPointF(i * 100.0, 0) for i in range(len(glyphs))])
            self.painter.save()
            self.painter.setPen(QColor("#ffffff"))
            self.painter.drawGlyphRun(QPointF(0, 100), run)
            self.painter.restore()
            primer[postscript_name(raw)] = tuple(ch for _, ch in glyphs)
        return primer

    def next_page(self) -> None:
        """Starts a page (the first one exists already); drawing is in tenths of a point on every page."""
        if self.pages:
            self.writer.newPage()
        self.pages += 1
        self._units()

    def _units(self) -> None:
        self.painter.resetTransform()
        self.painter.scale(self.dpi / (72 * PT), self.dpi / (72 * PT))

    def close(self) -> bytes:
        """Ends the painter (also after a cancelled export, so Qt is left tidy) and returns the file's bytes."""
        if self.painter.isActive():
            self.painter.end()
        if self.buffer.isOpen():
            self.buffer.close()
        return bytes(self.bytes.data())


def slide_page() -> QPageSize:
    return QPageSize(QSizeF(960, 540), QPageSize.Unit.Point, "Slide 16:9", QPageSize.SizeMatchPolicy.ExactMatch)


def a4_page() -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.A4)


def pdf_date(date: datetime) -> str:
    return "D:" + date.strftime("%Y%m%d%H%M%S") + "Z"


def finish(canvas: Canvas, path: Path, meta: Meta, family: str, outline: list[tuple[str, int]] = ()) -> None:
    """Repairs the text layer, pins the dates, adds bookmarks, and saves with an id derived from the content."""
    data = canvas.close()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        strip_primer(pdf, len(canvas.primer))
        repair_to_unicode(pdf, text_repairs(family), canvas.primer)
        pdf.docinfo[pikepdf.Name.CreationDate] = pdf_date(meta.date)
        pdf.docinfo[pikepdf.Name.ModDate] = pdf_date(meta.date)
        pdf.Root.Lang = pikepdf.String("zh-CN" if meta.lang == "zh" else meta.lang)
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        if outline:
            with pdf.open_outline() as tree:
                tree.root.extend(pikepdf.OutlineItem(title, page) for title, page in outline)
        # Saved into memory, then written by Python: pikepdf saving to a file aborts the whole process when
        # the disk is full (a C++ exception it cannot pass on), leaving its own temporary behind.
        saved = io.BytesIO()
        pdf.save(
            saved,
            deterministic_id=True,
            fix_metadata_version=False,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
    path.write_bytes(saved.getbuffer())
