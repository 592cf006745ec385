//! Work over many items shared among the processors: the items split into one run each,
//! each run's results kept in order, so that the result is the same as one thread's.

use std::ops::Range;
use std::sync::OnceLock;
use std::thread;

/// How many processors the work is shared among: asked of the system once, as asking
/// reads the process's CPU set and cgroup limits (some 25 µs, which small jobs of a key's
/// frame would pay every time).
pub fn processors() -> usize {
    static PROCESSORS: OnceLock<usize> = OnceLock::new();
    *PROCESSORS.get_or_init(|| thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The results of `work` over `0..len`, in order: `work` is given consecutive ranges,
/// one a processor, none shorter than `least` (a smaller job is done on this thread, as
/// starting a thread costs more), and their results are joined in the ranges' order.
pub fn map_ranges<T: Send>(
    len: usize,
    least: usize,
    work: impl Fn(Range<usize>) -> Vec<T> + Sync,
) -> Vec<T> {
    let threads = processors();
    let share = len.div_ceil(threads).max(least.max(1));
    if share >= len {
        return work(0..len);
    }
    let work = &work;
    let parts: Vec<Vec<T>> = thread::scope(|scope| {
        let runs: Vec<_> = (0..len)
            .step_by(share)
            .map(|start| scope.spawn(move || work(start..(start + share).min(len))))
            .collect();
        let joined = runs.into_iter().map(|run| run.join());
        joined
            .map(|part| part.unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    parts.into_iter().flatten().collect()
}

/// Fills `out` on every processor: `0..len` is split into runs as by [`map_ranges`], and
/// `work` is given each run with its part of `out`, from `bound(run.start)` to
/// `bound(run.end)`. `bound` must not decrease, and `bound(len)` must be `out.len()`.
pub fn fill_ranges<T: Send>(
    len: usize,
    least: usize,
    out: &mut [T],
    bound: impl Fn(usize) -> usize,
    work: impl Fn(Range<usize>, &mut [T]) + Sync,
) {
    debug_assert_eq!(bound(len), out.len(), "the last bound is the end of `out`");
    let threads = processors();
    let share = len.div_ceil(threads).max(least.max(1));
    if share >= len {
        return work(0..len, out);
    }
    let work = &work;
    thread::scope(|scope| {
        let mut rest = out;
        let mut at = 0;
        for start in (0..len).step_by(share) {
            let run = start..(start + share).min(len);
            let end = bound(run.end);
            let (part, tail) = std::mem::take(&mut rest).split_at_mut(end - at);
            (rest, at) = (tail, end);
            scope.spawn(move || work(run, part));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_the_split() {
        for (len, least) in [(0, 1), (1, 1), (10, 1), (10, 3), (1000, 7), (1000, 5000)] {
            let squares = map_ranges(len, least, |range| range.map(|i| i * i).collect());
            let expected: Vec<usize> = (0..len).map(|i| i * i).collect();
            assert_eq!(squares, expected, "{len} items, at least {least} a run");
        }
    }

    #[test]
    fn each_run_fills_its_own_part() {
        for (len, least) in [(0, 1), (1, 1), (10, 1), (1000, 7), (1000, 5000)] {
            // Item i takes i % 3 places, each holding i.
            let bound = |i: usize| (0..i).map(|k| k % 3).sum::<usize>();
            let mut out = vec![usize::MAX; bound(len)];
            fill_ranges(len, least, &mut out, bound, |run, part| {
                let items = run.flat_map(|i| std::iter::repeat_n(i, i % 3));
                for (place, i) in part.iter_mut().zip(items) {
                    *place = i;
                }
            });
            let expected: Vec<usize> = (0..len)
                .flat_map(|i| std::iter::repeat_n(i, i % 3))
                .collect();
            assert_eq!(out, expected, "{len} items, at least {least} a run");
        }
    }
}
