//! The runtime of a `no_std` wasm: lol_alloc's coalescing free list as the global allocator
//! instead of std's dlmalloc, and a panic handler that traps (JS sees a `RuntimeError`) instead
//! of linking the code that formats a message nobody would read — a panic there is a bug, bad
//! input is an `Error`. A crate of its own so that linking it brings nothing else (the size
//! floors of `cargo xtask bench bundle` use it too).

#![no_std]

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub use lol_alloc as __lol_alloc;

/// Defines the allocator and the panic handler. Invoked once by the crate whose wasm it is,
/// under the cfg that makes it `no_std` (the signing build of pkg/, the bench's shipped kernel).
#[macro_export]
macro_rules! no_std_runtime {
    () => {
        #[global_allocator]
        // SAFETY: wasm32-unknown-unknown without the atomics feature has one thread: every
        // allocation and free happens on it.
        static ALLOCATOR: $crate::__lol_alloc::AssumeSingleThreaded<
            $crate::__lol_alloc::FreeListAllocator,
        > = unsafe {
            $crate::__lol_alloc::AssumeSingleThreaded::new(
                $crate::__lol_alloc::FreeListAllocator::new(),
            )
        };

        #[panic_handler]
        fn panic(_: &::core::panic::PanicInfo) -> ! {
            ::core::arch::wasm32::unreachable()
        }
    };
}
