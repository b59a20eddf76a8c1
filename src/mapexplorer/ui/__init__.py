"""Thin Qt views over the model: each takes the ExplorerState and talks only to it."""


def _one_malloc_arena() -> None:
    """One glibc malloc arena for the whole process, set before Qt starts its threads.

    By default every thread that allocates may get its own 64 MB arena; the file loader's
    thread, Qt's and Chromium's then each keep freed memory the others cannot reuse. At
    100,000 events that is ~60 MB of the window's peak memory (PSS). Other C libraries:
    nothing to do."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-8, 1)  # M_ARENA_MAX
    except (OSError, AttributeError):
        pass


_one_malloc_arena()
