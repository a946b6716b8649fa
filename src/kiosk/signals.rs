//! The signals that would end or suspend the kiosk from the keyboard or a stray `kill`:
//! SIGINT (Ctrl-C), SIGQUIT (Ctrl-\), SIGTSTP (Ctrl-Z) and SIGHUP are ignored for the
//! whole process. (In raw mode the terminal sends those keys as bytes anyway; this covers
//! the moments before raw mode and `kill` from elsewhere.) SIGTERM is left to the wizard,
//! which ends cleanly on it: that is how a service manager stops the kiosk.

use std::io;

/// Sets the leaving signals to "ignore". Ignored signals stay ignored in child processes,
/// and the kiosk starts none.
pub fn ignore_leaving_signals() -> io::Result<()> {
    #[cfg(unix)]
    for sig in [libc::SIGINT, libc::SIGQUIT, libc::SIGTSTP, libc::SIGHUP] {
        // SAFETY: installing SIG_IGN has no handler code to be async-signal-safe, and no
        // other thread is changing dispositions at this point (called before the runtime
        // starts).
        let previous = unsafe { libc::signal(sig, libc::SIG_IGN) };
        if previous == libc::SIG_ERR {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}
