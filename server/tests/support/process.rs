//! A real `hearth` process on a free port, and a plain HTTP/1.1 client to talk to it.

use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::process::{Child, Command};

pub struct Process {
    pub addr: String,
    child: Child,
}

impl Process {
    /// Starts `hearth ARGS` on the database and waits until it listens.
    pub async fn start(database_url: &str, args: &[&str]) -> Process {
        Process::start_logging(database_url, args, None).await
    }

    /// [`Process::start`], with its log (at `RUST_LOG=debug`) gathered into `log`.
    pub async fn start_logging(
        database_url: &str,
        args: &[&str],
        log: Option<std::sync::Arc<std::sync::Mutex<String>>>,
    ) -> Process {
        Process::launch(database_url, args, log, &free_addr(), &new_data_dir()).await
    }

    /// [`Process::start`] on a given address and data directory: a restart after a crash.
    pub async fn start_at(
        database_url: &str,
        args: &[&str],
        addr: &str,
        data_dir: &std::path::Path,
    ) -> Process {
        Process::launch(database_url, args, None, addr, data_dir).await
    }

    async fn launch(
        database_url: &str,
        args: &[&str],
        log: Option<std::sync::Arc<std::sync::Mutex<String>>>,
        addr: &str,
        data_dir: &std::path::Path,
    ) -> Process {
        let addr = addr.to_string();
        let mut child = Command::new(env!("CARGO_BIN_EXE_hearth"))
            .args(args)
            .env("DATABASE_URL", database_url)
            .env("HEARTH_AUDIT_KEY_FILE", super::audit_key_file())
            .env("HEARTH_ADDR", &addr)
            .env("HEARTH_DATA_DIR", data_dir)
            .env("RUST_LOG", if log.is_some() { "debug" } else { "warn" })
            .stdout(Stdio::piped())
            .stderr(if log.is_some() {
                Stdio::piped()
            } else {
                Stdio::inherit()
            })
            .kill_on_drop(true)
            .spawn()
            .expect("hearth starts");
        if let (Some(log), Some(stderr)) = (log.clone(), child.stderr.take()) {
            let mut lines = BufReader::new(stderr).lines();
            tokio::spawn(async move {
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Ok(mut log) = log.lock() {
                        log.push_str(&line);
                        log.push('\n');
                    }
                }
            });
        }
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let ready = tokio::time::timeout(Duration::from_secs(60), async {
            while let Ok(Some(line)) = lines.next_line().await {
                if line.starts_with("Hearth is listening on") {
                    return true;
                }
            }
            false
        })
        .await;
        assert_eq!(ready, Ok(true), "hearth did not start listening");
        // The log goes to standard output (and panics to standard error): both are kept when asked.
        tokio::spawn(async move {
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(Ok(mut log)) = log.as_ref().map(|l| l.lock()) {
                    log.push_str(&line);
                    log.push('\n');
                }
            }
        });
        Process { addr, child }
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)], cookie: Option<&str>) -> Response {
        post_to(&self.addr, path, form, cookie)
            .await
            .expect("a complete response")
    }

    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }

    /// SIGKILL, as a crash or the kernel's out-of-memory killer would: no chance to finish.
    pub async fn kill(mut self) {
        self.child.start_kill().expect("SIGKILL is sent");
        let _ = self.child.wait().await;
    }

    /// Sends SIGTERM, as an orchestrator stops a server, and waits for the exit code.
    pub async fn terminate(mut self) -> Option<i32> {
        let pid = self.child.id().expect("still running");
        let sent = Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .await
            .expect("kill runs");
        assert!(sent.success());
        tokio::time::timeout(Duration::from_secs(30), self.child.wait())
            .await
            .expect("hearth stops within 30 s of SIGTERM")
            .expect("an exit status")
            .code()
    }
}

/// A free port on the loopback address.
pub fn free_addr() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    format!(
        "127.0.0.1:{}",
        listener.local_addr().expect("address").port()
    )
}

/// A data directory of its own, so the keys a server makes never land in the source tree.
pub fn new_data_dir() -> std::path::PathBuf {
    std::env::temp_dir().join(format!(
        "hearth-test-data-{}",
        uuid::Uuid::new_v4().simple()
    ))
}

/// A form POST to a server that may be down or dying: `None` when no whole answer came back.
pub async fn post_to(
    addr: &str,
    path: &str,
    form: &[(&str, &str)],
    cookie: Option<&str>,
) -> Option<Response> {
    let body = super::http::encode(form);
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\nAccept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(cookie) = cookie {
        request.push_str(&format!("Cookie: {cookie}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(&body);
    let mut stream = TcpStream::connect(addr).await.ok()?;
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.ok()?;
    Response::parse(&raw)
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    fn parse(raw: &[u8]) -> Option<Response> {
        let text = String::from_utf8_lossy(raw);
        let (head, body) = text.split_once("\r\n\r\n")?;
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())?;
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let chunked = headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
        let body = if chunked {
            dechunk(body)
        } else {
            body.to_string()
        };
        Some(Response {
            status,
            headers,
            body,
        })
    }

    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .iter()
            .filter(|(k, _)| k == "set-cookie")
            .filter_map(|(_, v)| v.split(';').next())
            .find(|pair| {
                pair.starts_with("hearth_session=") && pair.len() > "hearth_session=".len()
            })
            .map(str::to_string)
    }
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if size == 0 || rest.len() < size {
            break;
        }
        out.push_str(&rest[..size]);
        body = rest[size..].trim_start_matches("\r\n");
    }
    out
}
