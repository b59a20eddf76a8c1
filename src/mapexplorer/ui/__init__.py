"""Thin Qt views over the model: each takes the ExplorerState and talks only to it."""


def _tune_malloc() -> None:
    """glibc's malloc, set before Qt starts its threads, for a process that handles files of
    tens of megabytes:

    - one arena: by default every thread that allocates may get its own 64 MB arena; the
      file loader's thread, Qt's and Chromium's then each keep freed memory the others
      cannot reuse (~60 MB of the peak at 100,000 events, as PSS);
    - a fixed threshold for giving big blocks their own pages: by default it rises to the
      size of the largest block freed (the 10 MB page message), after which every list and
      set of 100,000 events is carved from the heap and its pages are kept when freed. At
      1 MB, not lower: at 256 KB every dict and list a 100,000-event read grows past that
      got fresh pages of its own at each resize, each page faulted in (~5 µs a 4 KB page
      here): opening the file took ~0.3 s longer (medians of 3.04 and 2.76 s, alternating
      five times each), for ~15 MB more at the peak.

    Other C libraries: nothing to do."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-8, 1)  # M_ARENA_MAX
        libc.mallopt(-3, 1024 * 1024)  # M_MMAP_THRESHOLD (fixed: no longer raised on free)
    except (OSError, AttributeError):
        pass


_tune_malloc()
