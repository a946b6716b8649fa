//! The signals that would end or suspend the kiosk from the keyboard or a stray `kill`:
//! SIGINT (Ctrl-C), SIGQUIT (Ctrl-\), SIGTSTP (Ctrl-Z) and SIGHUP are ignored for the
//! whole process. (In raw mode the terminal sends those keys as bytes anyway; this covers
//! the moments before raw mode and `kill` from elsewhere.) SIGTERM is left to the wizard,
//! which ends cleanly on it: that is how a service manager stops the kiosk. The wizard
//! then watches SIGHUP itself, and ends only when the terminal really is gone
//! ([`terminal_alive`]): a hung-up terminal reads as endless end-of-file, and a kiosk left
//! behind it would spin for nobody.

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

/// Is standard input still a working terminal? After a hangup (the terminal closed, the
/// console's session ended) every terminal request on it fails with EIO.
pub fn terminal_alive() -> bool {
    #[cfg(unix)]
    {
        // SAFETY: tcgetattr fills in a termios we own; standard input stays open.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            libc::tcgetattr(libc::STDIN_FILENO, &raw mut t) == 0
        }
    }
    #[cfg(not(unix))]
    {
        true
    }
}
