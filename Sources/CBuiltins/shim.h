// Compiler builtins that Swift cannot emit itself.

#include <stdint.h>

/// Tells the processor that the caller is spinning on a shared word: x86's `pause`, Arm's
/// `yield`. It saves power and lets a sibling hardware thread run.
static inline void labbook_spin_hint(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/// `x`, hidden from the optimizer (an empty assembly statement that claims to change it): a
/// constant passed through it is a run-time value to the code that uses it.
static inline uint64_t labbook_opaque(uint64_t x) {
    __asm__("" : "+r"(x));
    return x;
}
