"""Pictures a deck shows, checked by what their bytes are (not by their names) and how big they are, without Qt."""

from __future__ import annotations

import struct
from io import BufferedIOBase
from pathlib import Path

from desktop.deck.model import Picture, Problem

SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
MAX_BYTES = 20 * 2**20
MAX_SIDE = 8000  # pixels a side: a larger picture takes hundreds of MB to draw, for nothing a projector shows
SHARP_SIDE = 800  # a picture's longer side below this is stretched several times on a full slide: blurry
_PNG = b"\x89PNG\r\n\x1a\n"
_SVG = ("svg", "http://www.w3.org/2000/svg svg")
_IMAGE = ("image", "http://www.w3.org/2000/svg image")
_LINKS = ("href", "http://www.w3.org/1999/xlink href")  # where an <image> finds its picture, in either spelling
# What a picture that is none of ours most likely is, by its first bytes: named in the message.
_OTHERS = {
    b"GIF8": "a GIF",
    b"RIFF": "a WebP (or another RIFF file)",
    b"BM": "a BMP",
    b"%PDF": "a PDF",
    b"II*\x00": "a TIFF",
    b"MM\x00*": "a TIFF",
    b"PK\x03\x04": "a ZIP archive",
}
# JPEG start-of-frame markers: they carry the size. C4 (Huffman tables), C8 and CC (arithmetic coding) do not.
_FRAMES = set(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


class _Unreadable(Exception):
    """What is wrong with a picture's bytes, said for its `image:` value."""


def read_picture(path: Path, picture: Picture, problems: list[Problem]) -> Picture:
    """`picture` with its format, size and stamp filled in; what is wrong with it is added to `problems`."""
    where = f"image: '{picture.name}'"
    try:
        stat = path.stat()
        if stat.st_size > MAX_BYTES:
            raise _Unreadable(f"is {stat.st_size / 2**20:.1f} MB; at most {MAX_BYTES // 2**20} MB (make it smaller)")
        with path.open("rb") as file:
            kind, width, height = _probe(file)
    except _Unreadable as error:
        problems.append(Problem(picture.mark, f"{where} {error}"))
        return picture
    except OSError as error:
        problems.append(Problem(picture.mark, f"{where} cannot be read: {error.strerror or error}"))
        return picture
    if kind != "svg" and (not width or not height or max(width, height) > MAX_SIDE):
        size = f"is {width}×{height} pixels; at most {MAX_SIDE}×{MAX_SIDE} is shown (scale it down)"
        problems.append(Problem(picture.mark, f"{where} {size if width and height else 'has no pixels'}"))
        return picture
    if kind != "svg" and max(width, height) < SHARP_SIDE:
        blurry = f"is only {width}×{height} pixels: it will look blurry on a projector (give {SHARP_SIDE} or more)"
        problems.append(Problem(picture.mark, f"{where} {blurry}", warning=True))
    return picture.replace(format=kind, width=width, height=height, stamp=(stat.st_mtime_ns, stat.st_size))


def _probe(file: BufferedIOBase) -> tuple[str, int, int]:
    """(format, width, height) from the file's first bytes: a PNG or JPEG header, or an SVG root element."""
    head = file.read(32)
    if head.startswith(_PNG):
        if head[12:16] != b"IHDR":
            raise _Unreadable("is a damaged PNG (no image header)")
        width, height = struct.unpack(">II", head[16:24])
        return "png", width, height
    if head.startswith(b"\xff\xd8\xff"):
        file.seek(2)
        return ("jpeg", *_jpeg_size(file))
    for start, name in _OTHERS.items():
        if head.startswith(start):
            raise _Unreadable(f"is {name}, not a PNG, JPEG or SVG picture; save it as PNG")
    file.seek(0)
    if _svg_root(file):
        return "svg", 0, 0
    raise _Unreadable("is not a PNG, JPEG or SVG picture (its content says so, whatever its name)")


def _jpeg_size(file: BufferedIOBase) -> tuple[int, int]:
    """(width, height) from a JPEG's frame header, skipping the segments before it (EXIF, colour profiles)."""
    while True:
        byte = file.read(1)
        while byte == b"\xff":  # fill bytes before a marker
            byte = file.read(1)
        if not byte:
            raise _Unreadable("is a damaged JPEG (it ends before its size is given)")
        marker = byte[0]
        if marker in (0xD9, 0xDA):  # end of image, or the image data: no frame header came first
            raise _Unreadable("is a damaged JPEG (no frame header)")
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:  # markers without a length
            continue
        length = file.read(2)
        if len(length) < 2:
            raise _Unreadable("is a damaged JPEG (it ends before its size is given)")
        if marker in _FRAMES:
            frame = file.read(5)
            if len(frame) < 5:
                raise _Unreadable("is a damaged JPEG (it ends before its size is given)")
            height, width = struct.unpack(">HH", frame[1:5])
            return width, height
        file.seek(struct.unpack(">H", length)[0] - 2, 1)


def _svg_root(file: BufferedIOBase) -> bool:
    """Whether the file is well-formed XML whose root element is <svg> (read through, building nothing)."""
    from xml.parsers import expat  # here: pyexpat costs validate's start-up more than a deck without SVG needs

    parser = expat.ParserCreate(namespace_separator=" ")
    roots: list[str] = []
    links: list[str] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        if not roots:
            roots.append(name)
        if name in _IMAGE:
            links.extend(v for k, v in attributes.items() if k in _LINKS and not v.startswith("data:"))

    parser.StartElementHandler = start
    try:
        parser.ParseFile(file)
    except expat.ExpatError as error:
        if roots and roots[0] in _SVG:  # an SVG that breaks further on: say where, as Qt would only show nothing
            where = f"line {error.lineno}, column {error.offset + 1}: {expat.ErrorString(error.code)}"
            raise _Unreadable(f"is a damaged SVG ({where})") from None
        return False
    if roots and roots[0] in _SVG and links:  # Qt would draw any file of the computer it names, inside no deck
        raise _Unreadable(f"shows another file ('{links[0][:60]}'); embed that picture in the SVG instead")
    return bool(roots) and roots[0] in _SVG
