//! The parallel runner: a map over a sequence on a rayon pool whose results come out in input
//! order, with a bounded number of items in flight.
//!
//! Items are pulled one at a time from the (sequential) source by whichever worker is free
//! (rayon's `par_bridge`), so a slow item never holds up the others. Results go back over a
//! channel to the calling thread, which puts them in order and hands each to the sink as soon as
//! every earlier one has been handed on. An item may start only when fewer than `window` items are
//! between it and the last one handed on: memory is bounded by the window, however long the
//! source, and a slow item stalls the pool only after `window` later ones have finished.
//!
//! The sink runs on the calling thread, so it needs no locking. If it fails, no further item is
//! started, the items in flight are waited for, and the error is returned. If the map or the sink
//! panics, no further item is started either, and the panic is passed on once the pool is idle.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex, PoisonError};

use rayon::ThreadPool;
use rayon::iter::{ParallelBridge, ParallelIterator};

/// A thread pool of `jobs` threads (0: one per core).
pub fn pool(jobs: usize) -> std::io::Result<ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("newsclean-{i}"))
        .build()
        .map_err(std::io::Error::other)
}

/// Maps `items` with `map` on `pool` and hands the results to `sink` in input order.
pub fn for_each_ordered<T, R, E>(
    pool: &ThreadPool,
    items: impl Iterator<Item = T> + Send,
    window: usize,
    map: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let gate = Gate::new(window.max(1));
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::channel();
        let gate = &gate;
        let map = &map;
        scope.spawn(move || {
            let admitted = items
                .enumerate()
                .take_while(|&(index, _)| gate.admit(index));
            pool.install(|| {
                admitted
                    .par_bridge()
                    .for_each_with(sender, |sender, (index, item)| {
                        let _closer = CloseOnPanic(gate);
                        // The receiver lives until every sender is gone.
                        let _ = sender.send((index, map(item)));
                    });
            });
        });
        let _closer = CloseOnPanic(gate);
        let mut result = Ok(());
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (index, value) in receiver {
            if result.is_err() {
                continue;
            }
            pending.insert(index, value);
            while let Some(value) = pending.remove(&next) {
                next += 1;
                if let Err(error) = sink(value) {
                    result = Err(error);
                    gate.close();
                    break;
                }
                gate.release(next);
            }
        }
        result
    })
}

/// Admits item `i` once fewer than `window` items lie between it and the last one handed on.
struct Gate {
    window: usize,
    state: Mutex<GateState>,
    changed: Condvar,
}

struct GateState {
    /// How many items have been handed to the sink.
    done: usize,
    /// Set when no further item may start.
    closed: bool,
}

impl Gate {
    fn new(window: usize) -> Self {
        Gate {
            window,
            state: Mutex::new(GateState {
                done: 0,
                closed: false,
            }),
            changed: Condvar::new(),
        }
    }

    /// Waits until item `index` may start; false if the gate closed instead.
    fn admit(&self, index: usize) -> bool {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let state = self
            .changed
            .wait_while(state, |s| !s.closed && index >= s.done + self.window)
            .unwrap_or_else(PoisonError::into_inner);
        !state.closed
    }

    fn release(&self, done: usize) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .done = done;
        self.changed.notify_all();
    }

    fn close(&self) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .closed = true;
        self.changed.notify_all();
    }
}

/// Closes the gate if dropped during a panic, so that no thread waits for an item that will never
/// be handed on.
struct CloseOnPanic<'a>(&'a Gate);

impl Drop for CloseOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::*;

    #[test]
    fn results_come_in_input_order_whatever_the_timing() {
        for jobs in [1, 2, 4] {
            let pool = pool(jobs).unwrap();
            let mut seen = Vec::new();
            let slow = |i: u64| {
                std::thread::sleep(Duration::from_micros((i * 7919) % 500));
                i * 2
            };
            for_each_ordered(&pool, 0..200u64, 8, slow, |r| {
                seen.push(r);
                Ok::<_, ()>(())
            })
            .unwrap();
            assert_eq!(seen, (0..200).map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn no_more_than_the_window_is_in_flight() {
        let pool = pool(4).unwrap();
        let started = AtomicUsize::new(0);
        let mut handed = 0;
        for_each_ordered(
            &pool,
            0..100usize,
            3,
            |i| {
                let now = started.fetch_add(1, Ordering::SeqCst);
                std::thread::sleep(Duration::from_micros(200));
                (i, now)
            },
            |(i, started_before)| {
                // Item `i` started after at most `handed + window` items had started.
                assert!(started_before < handed + 3, "item {i}");
                handed += 1;
                Ok::<_, ()>(())
            },
        )
        .unwrap();
        assert_eq!(handed, 100);
    }

    #[test]
    fn a_panic_in_the_map_or_the_sink_is_passed_on_without_hanging() {
        let pool = pool(2).unwrap();
        for panic_in_map in [true, false] {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                for_each_ordered(
                    &pool,
                    0..10_000usize,
                    4,
                    |i| {
                        assert!(!(panic_in_map && i == 5), "map panics");
                        i
                    },
                    |i| {
                        assert!(panic_in_map || i != 5, "sink panics");
                        Ok::<_, ()>(())
                    },
                )
            }));
            assert!(result.is_err());
        }
    }

    #[test]
    fn a_failing_sink_stops_the_run() {
        let pool = pool(2).unwrap();
        let mapped = AtomicUsize::new(0);
        let result = for_each_ordered(
            &pool,
            0..10_000usize,
            4,
            |i| {
                mapped.fetch_add(1, Ordering::SeqCst);
                i
            },
            |i| if i == 10 { Err(i) } else { Ok(()) },
        );
        assert_eq!(result, Err(10));
        assert!(mapped.load(Ordering::SeqCst) < 100);
    }
}
