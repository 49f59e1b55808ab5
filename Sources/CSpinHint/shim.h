// The processor's spin-loop hint, which Swift cannot emit itself (a compiler builtin).

/// Tells the processor that the caller is spinning on a shared word: x86's `pause`, Arm's
/// `yield`. It saves power and lets a sibling hardware thread run.
static inline void labbook_spin_hint(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}
