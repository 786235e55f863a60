#!/usr/bin/env python3
# Renders sen.svg into the PNG icons and the Windows sen.ico committed beside it. Run it
# again after editing sen.svg (on Debian: needs librsvg2-2 and libcairo2, no Python modules;
# it calls the two libraries through ctypes).
import ctypes
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
rsvg = ctypes.CDLL("librsvg-2.so.2")
cairo = ctypes.CDLL("libcairo.so.2")
rsvg.rsvg_handle_new_from_file.restype = ctypes.c_void_p
cairo.cairo_image_surface_create.restype = ctypes.c_void_p
cairo.cairo_create.restype = ctypes.c_void_p


class Rect(ctypes.Structure):
    _fields_ = [("x", ctypes.c_double), ("y", ctypes.c_double),
                ("width", ctypes.c_double), ("height", ctypes.c_double)]


def render(size, png_path):
    error = ctypes.c_void_p()
    handle = rsvg.rsvg_handle_new_from_file(os.path.join(HERE, "sen.svg").encode(), ctypes.byref(error))
    if not handle:
        raise SystemExit("render-icons: cannot load sen.svg")
    surface = ctypes.c_void_p(cairo.cairo_image_surface_create(0, size, size))  # ARGB32
    context = ctypes.c_void_p(cairo.cairo_create(surface))
    viewport = Rect(0, 0, size, size)
    if not rsvg.rsvg_handle_render_document(ctypes.c_void_p(handle), context, ctypes.byref(viewport),
                                            ctypes.byref(error)):
        raise SystemExit("render-icons: cannot render sen.svg")
    if cairo.cairo_surface_write_to_png(surface, png_path.encode()) != 0:
        raise SystemExit("render-icons: cannot write " + png_path)
    cairo.cairo_destroy(context)
    cairo.cairo_surface_destroy(surface)


def write_ico(sizes, ico_path):
    # An ICO whose images are PNGs (Windows Vista and later read these).
    images = []
    for size in sizes:
        tmp = os.path.join(HERE, ".sen-%d.png" % size)
        render(size, tmp)
        with open(tmp, "rb") as f:
            images.append((size, f.read()))
        os.remove(tmp)
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory, data = b"", b""
    for size, png in images:
        side = 0 if size >= 256 else size  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    with open(ico_path, "wb") as f:
        f.write(header + directory + data)


render(48, os.path.join(HERE, "sen-48.png"))
render(256, os.path.join(HERE, "sen-256.png"))
write_ico([16, 24, 32, 48, 256], os.path.join(HERE, "sen.ico"))
