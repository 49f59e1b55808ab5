// Linux's process control (prctl), which Swift cannot call itself (it is variadic).
#include <signal.h>
#include <sys/prctl.h>

/// Asks the kernel to send this process SIGKILL when the thread that started it ends.
/// Returns 0, or -1 with errno set.
static inline int labbook_kill_with_parent(void) {
    return prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
}
