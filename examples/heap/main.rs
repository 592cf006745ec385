//! The heap a load takes, by phase, counted exactly: every byte the program asks the
//! allocator for. `/usr/bin/time` gives the resident size instead, which adds the
//! allocator's own overhead and the binary, and leaves out capacity reserved but never
//! written (the end of a vector that grew by doubling): check both.
//!
//! ```sh
//! cargo run --release --example heap -- big.json
//! ```
//!
//! Prints the peak while loading, what the timeline keeps, and the same once the search
//! index (which the TUI builds) is added, each also as a multiple of the file's size.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use tline::query::Index;

/// The system allocator, counting the bytes live and the most ever live.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grow(bytes: usize) {
    let now = LIVE.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is passed to `System` unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Counted as the moment both blocks may be live: the allocator may copy.
        grow(new_size);
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: heap FILE");
        return ExitCode::FAILURE;
    };
    let size = std::fs::metadata(&path).map_or(0, |m| m.len()) as f64;
    let row = |what: &str, bytes: usize| {
        let ratio = bytes as f64 / size;
        println!("{what:<28} {:>8.1} MB  {ratio:>5.2}x", bytes as f64 / 1e6);
    };
    println!("{} ({:.1} MB)", path.display(), size / 1e6);
    let start = Instant::now();
    let timeline = match tline::load::load_paths(&[path], None) {
        Ok((timeline, _)) => timeline,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    println!("loaded in {:.2} s", start.elapsed().as_secs_f64());
    row("peak while loading", PEAK.load(Relaxed));
    row("timeline", LIVE.load(Relaxed));
    let index = Index::new(&timeline);
    row("timeline and search index", LIVE.load(Relaxed));
    row("peak", PEAK.load(Relaxed));
    // Freeing a million events only takes time; the process ends here.
    std::mem::forget((timeline, index));
    ExitCode::SUCCESS
}
