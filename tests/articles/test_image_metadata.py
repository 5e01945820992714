"""Stored pictures carry their pixels and nothing else: no comment, text or profile that
could name a photographer, a phone number or a device."""

import struct
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from articles.images import clean_image

SECRET = b"Nguyen Van Anh 0912345678"
# What a JPEG may keep: its JFIF header (APP0), then what is needed to decode it: frame
# headers (SOFn), Huffman and quantisation tables (DHT, DQT), restart interval (DRI).
JPEG_NEEDED = {0xE0, 0xC4, 0xDB, 0xDD} | set(range(0xC0, 0xD0)) - {0xC8, 0xCC}
PNG_NEEDED = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}


def jpeg_segments(data: bytes) -> list[int]:
    """The marker of every segment before the image data (the start of scan ends the walk)."""
    assert data[:2] == b"\xff\xd8"
    markers, pos = [], 2
    while pos < len(data):
        assert data[pos] == 0xFF, f"no marker at {pos}"
        marker = data[pos + 1]
        if marker == 0xDA:
            return markers
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        markers.append(marker)
        pos += 2 + length
    raise AssertionError("no start of scan")


def png_chunks(data: bytes) -> list[bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        chunks.append(data[pos + 4 : pos + 8])
        pos += 12 + length
    return chunks


def segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg_with_everything(size=(320, 240)) -> bytes:
    """A camera's JPEG as a photographer's laptop leaves it: a comment (COM), EXIF, XMP, an
    ICC profile, and IPTC by-line data (APP13)."""
    exif = Image.Exif()
    exif[0x013B] = SECRET.decode()  # Artist
    out = BytesIO()
    Image.new("RGB", size, (200, 60, 30)).save(
        out,
        format="JPEG",
        comment=SECRET,
        exif=exif,
        xmp=b"<x:xmpmeta><dc:creator>" + SECRET + b"</dc:creator></x:xmpmeta>",
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
    )
    data = out.getvalue()
    iptc = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00" + struct.pack(">H", len(SECRET) + 5)
    iptc += b"\x1c\x02\x50" + struct.pack(">H", len(SECRET)) + SECRET
    # After SOI and APP0, as Photoshop writes it.
    app0_end = 2 + 2 + struct.unpack(">H", data[4:6])[0]
    return data[:app0_end] + segment(0xED, iptc) + data[app0_end:]


def test_the_test_jpeg_carries_the_name_in_every_kind_of_segment():
    data = jpeg_with_everything()
    markers = jpeg_segments(data)
    assert {0xFE, 0xE1, 0xE2, 0xED} <= set(markers)  # COM, EXIF/XMP, ICC, IPTC
    assert data.count(SECRET) >= 4


def test_a_jpeg_is_stored_without_comment_or_any_application_segment():
    stored = clean_image(SimpleUploadedFile("anh.jpg", jpeg_with_everything())).read()
    markers = jpeg_segments(stored)
    assert 0xFE not in markers  # COM
    assert set(markers) <= JPEG_NEEDED, [hex(m) for m in markers]
    assert markers.count(0xE0) == 1
    assert SECRET not in stored
    assert b"0912345678" not in stored
    with Image.open(BytesIO(stored)) as image:
        assert image.size == (320, 240)
        assert "comment" not in image.info
        assert "icc_profile" not in image.info
        # Colours survive the conversion to sRGB.
        pixel = image.getpixel((10, 10))
        assert all(abs(got - want) < 8 for got, want in zip(pixel, (200, 60, 30), strict=True))


@pytest.mark.parametrize("mode", ["RGBA", "P"])
def test_a_png_is_stored_without_text_or_profile_chunks(mode):
    info = PngInfo()
    info.add_text("Author", SECRET.decode())
    info.add_itxt("Description", "Ảnh của " + SECRET.decode())
    info.add_text("Comment", SECRET.decode(), zip=True)
    image = Image.new("RGBA", (64, 64), (0, 128, 0, 100))
    if mode == "P":
        image = image.convert("P")
        image.info["transparency"] = 0
    out = BytesIO()
    image.save(
        out,
        format="PNG",
        pnginfo=info,
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
    )
    original = out.getvalue()
    assert {b"tEXt", b"iTXt", b"zTXt", b"iCCP"} <= set(png_chunks(original))

    stored = clean_image(SimpleUploadedFile("logo.png", original)).read()
    assert set(png_chunks(stored)) <= PNG_NEEDED, png_chunks(stored)
    assert SECRET not in stored
    with Image.open(BytesIO(stored)) as clean:
        assert clean.format == "PNG"
        assert not clean.text


def test_a_gif_comment_does_not_survive():
    out = BytesIO()
    Image.new("P", (40, 40), 3).save(out, format="GIF", comment=SECRET)
    stored = clean_image(SimpleUploadedFile("a.gif", out.getvalue())).read()
    assert SECRET not in stored


def test_a_broken_colour_profile_is_dropped_and_the_picture_kept():
    out = BytesIO()
    Image.new("RGB", (50, 50), (10, 20, 30)).save(
        out, format="JPEG", icc_profile=b"not a profile" * 10
    )
    stored = clean_image(SimpleUploadedFile("anh.jpg", out.getvalue())).read()
    assert b"not a profile" not in stored
    assert set(jpeg_segments(stored)) <= JPEG_NEEDED
