//! The binary's memory allocator: mimalloc, with the process-wide settings a build wants.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use mimalloc::MiMalloc;

/// mimalloc, asked through its plain entry points when a request needs no more than word
/// alignment. The `mimalloc` crate asks `mi_malloc_aligned` for everything, and for a block
/// bigger than mimalloc's small sizes (1 KiB) that takes a slower general path and a few bytes
/// of padding; every mimalloc block is word-aligned, so a word-aligned request needs neither
/// (mimalloc's own `mi_realloc_aligned` uses the same rule). In a build this path served most
/// of the growth of tantivy's and warta's buffers (BENCHMARKS.md).
pub struct Allocator;

/// The alignment of every block mimalloc hands out.
const WORD: usize = std::mem::size_of::<usize>();

unsafe extern "C" {
    /// `mimalloc.h`; linked in by `libmimalloc-sys`.
    fn mi_malloc(size: usize) -> *mut c_void;
    /// Zeroed memory (`mimalloc.h`).
    fn mi_zalloc(size: usize) -> *mut c_void;
    /// Sets a mimalloc option (`mimalloc.h`).
    fn mi_option_set(option: libc::c_int, value: libc::c_long);
    /// Reads a mimalloc option.
    fn mi_option_get(option: libc::c_int) -> libc::c_long;
}

// SAFETY: each request goes to mimalloc whole; a word-aligned one to an entry point whose
// blocks are all word-aligned, any other to the `mimalloc` crate's aligned one. Every block,
// however obtained, is freed and resized by `mi_free` / `mi_realloc_aligned`, as that crate does.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: any size is a valid request; null reports failure, as `alloc` must.
            unsafe { mi_malloc(layout.size()).cast() }
        } else {
            // SAFETY: the caller's layout is passed on unchanged.
            unsafe { MiMalloc.alloc(layout) }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: as in `alloc`.
            unsafe { mi_zalloc(layout.size()).cast() }
        } else {
            // SAFETY: as in `alloc`.
            unsafe { MiMalloc.alloc_zeroed(layout) }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from mimalloc through one of the paths above.
        unsafe { MiMalloc.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as in `dealloc`; `mi_realloc_aligned` takes the plain path itself for a
        // word-aligned block.
        unsafe { MiMalloc.realloc(ptr, layout, new_size) }
    }
}

/// No transparent huge pages for this process. mimalloc asks the kernel for
/// huge pages on its arenas, so every first touch of a 2 MiB region faults in
/// (and zeroes) the whole of it: at 10,000 articles `warta index` peaked at
/// about 310 MB with them and about 225 MB without, and page zeroing was 6% of
/// its CPU profile (BENCHMARKS.md has the 100,000-article figures). Called
/// before any real work, so no huge page has been touched yet.
pub fn disable_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and only sets a flag on
    // this process's memory map; a failure (old kernel) changes nothing.
    unsafe {
        let (on, unused): (libc::c_ulong, libc::c_ulong) = (1, 0);
        libc::prctl(libc::PR_SET_THP_DISABLE, on, unused, unused, unused);
    }
}

/// mimalloc's `purge_delay` option (its number in mimalloc 3's `mi_option_e`).
const MI_OPTION_PURGE_DELAY: libc::c_int = 15;

/// Memory freed while indexing goes back to the system at once. mimalloc
/// keeps freed pages for a second by default (mimalloc 3), and in a build, where
/// extraction threads free what tantivy's threads allocate, that delay kept
/// about 25 MB more resident at the peak (20,000 articles; no measurable
/// CPU cost: BENCHMARKS.md). The user's `MIMALLOC_PURGE_DELAY` still wins.
/// Only for the building commands: a server's short requests would return
/// and fault in the same pages again.
pub fn purge_at_once() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: both take an option number and a plain integer; mimalloc
    // reads its options on each purge, so setting one at any time is sound.
    unsafe {
        mi_option_set(MI_OPTION_PURGE_DELAY, 0);
        debug_assert_eq!(mi_option_get(MI_OPTION_PURGE_DELAY), 0);
    }
}

#[cfg(test)]
mod tests {
    use std::alloc::{alloc, alloc_zeroed, dealloc, realloc};

    use super::*;

    /// The option number is mimalloc's own, declared here by hand: its default
    /// (1,000 ms in mimalloc 3) shows that the number still names the purge delay in the
    /// mimalloc that is linked in.
    #[test]
    fn the_option_number_names_the_purge_delay() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        // SAFETY: reads an option; see `purge_at_once`.
        assert_eq!(unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }, 1000);
    }

    /// The binary's tests run on the same global allocator: every size around mimalloc's
    /// size classes and every alignment up to a page comes back aligned, zeroed when asked,
    /// and keeps its bytes when resized.
    #[test]
    fn blocks_are_aligned_zeroed_and_resized_whole() {
        let sizes = (1..=80).chain((81..5000).step_by(37)).chain([65_536, 1 << 20, (1 << 20) + 3]);
        for size in sizes {
            for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: non-zero sizes, valid layouts; each block is written within its
                // size and freed once with its own layout.
                unsafe {
                    let zeroed = alloc_zeroed(layout);
                    assert!(!zeroed.is_null());
                    assert_eq!(zeroed as usize % align, 0, "size {size} align {align}");
                    assert!(std::slice::from_raw_parts(zeroed, size).iter().all(|&b| b == 0));
                    dealloc(zeroed, layout);

                    let p = alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size} align {align}");
                    for i in 0..size {
                        *p.add(i) = i as u8;
                    }
                    let grown = realloc(p, layout, size * 3);
                    assert_eq!(grown as usize % align, 0, "realloc {size} align {align}");
                    assert!((0..size).all(|i| *grown.add(i) == i as u8));
                    dealloc(grown, Layout::from_size_align(size * 3, align).unwrap());
                }
            }
        }
    }
}
