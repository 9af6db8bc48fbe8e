//! The browser test harness: a static server for the release build on 127.0.0.1, one W3C
//! WebDriver per engine on a free loopback port, a fresh profile per session, condition
//! waits (never fixed sleeps), and a runner that prints one summary line per engine.

#![warn(clippy::too_many_lines)] // at 150 lines (clippy.toml)

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a condition may take before a test fails (generous: WebKitGTK compiling the wasm
/// on a loaded 2-core machine has taken over 15 s).
pub const WAIT: Duration = Duration::from_secs(40);

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Serves a folder over HTTP on 127.0.0.1 in a background thread.
pub struct Server {
    /// Base URL, ending with `/`.
    pub url: String,
    failing: Arc<AtomicBool>,
    refused: Arc<AtomicUsize>,
}

impl Server {
    /// Starts serving `root`.
    pub fn start(root: &Path) -> Server {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind the test server");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let root = root.to_path_buf();
        let failing = Arc::new(AtomicBool::new(false));
        let refused = Arc::new(AtomicUsize::new(0));
        let (fail, count) = (failing.clone(), refused.clone());
        std::thread::spawn(move || {
            // One thread per request: a browser that stops reading one response (a cancelled
            // preload) must not hold up every later request.
            for req in server.incoming_requests() {
                if fail.load(Ordering::SeqCst) {
                    count.fetch_add(1, Ordering::SeqCst);
                    std::thread::spawn(move || refuse(req));
                    continue;
                }
                let root = root.clone();
                std::thread::spawn(move || serve_one(req, &root));
            }
        });
        Server {
            url: format!("http://127.0.0.1:{port}/"),
            failing,
            refused,
        }
    }

    /// While `on`, every request fails (503, connection closed), as when the site is down or
    /// the device offline.
    pub fn set_failing(&self, on: bool) {
        self.failing.store(on, Ordering::SeqCst);
    }

    /// How many requests were refused while failing.
    pub fn refused(&self) -> usize {
        self.refused.load(Ordering::SeqCst)
    }
}

/// Answers 503 and closes the connection.
fn refuse(req: tiny_http::Request) {
    let resp = tiny_http::Response::from_string("unavailable (test server switched off)")
        .with_status_code(503)
        .with_header(tiny_http::Header::from_bytes("Connection", "close").expect("valid header"));
    let _ = req.respond(resp);
}

/// Answers one request with the file it names under `root`, or 404.
fn serve_one(req: tiny_http::Request, root: &Path) {
    let path = req
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .trim_start_matches('/')
        .to_string();
    let path = if path.is_empty() {
        "index.html".to_string()
    } else {
        path
    };
    let file = root.join(&path);
    let safe = !path.split('/').any(|p| p == "..");
    let resp = match std::fs::read(&file) {
        Ok(bytes) if safe => tiny_http::Response::from_data(bytes)
            .with_header(
                tiny_http::Header::from_bytes("Content-Type", content_type(&path))
                    .expect("valid header"),
            )
            .boxed(),
        _ => tiny_http::Response::from_string("not found")
            .with_status_code(404)
            .boxed(),
    };
    let _ = req.respond(resp);
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// A browser engine and how to drive it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Chromium with chromedriver.
    Chromium,
    /// Firefox ESR with geckodriver.
    Firefox,
    /// WebKitGTK (Safari's engine) with WebKitWebDriver under Xvfb.
    WebKit,
}

impl Engine {
    /// Parses `chromium`, `firefox` or `webkit`.
    pub fn parse(s: &str) -> Option<Engine> {
        match s.trim() {
            "chromium" => Some(Engine::Chromium),
            "firefox" => Some(Engine::Firefox),
            "webkit" => Some(Engine::WebKit),
            _ => None,
        }
    }

    /// Short name.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// Programs this engine needs; the first missing one is reported.
    fn needs(self) -> &'static [&'static str] {
        match self {
            Engine::Chromium => &["chromium", "chromedriver"],
            Engine::Firefox => &["firefox-esr", "geckodriver", "Xvfb"],
            Engine::WebKit => &["WebKitWebDriver", "Xvfb"],
        }
    }

    /// The first program this engine needs that is not installed.
    pub fn missing(self) -> Option<&'static str> {
        self.needs().iter().copied().find(|p| which(p).is_none())
    }

    fn driver(self, port: u16) -> Command {
        match self {
            Engine::Chromium => {
                let mut c =
                    Command::new(which("chromedriver").unwrap_or_else(|| "chromedriver".into()));
                c.arg(format!("--port={port}"));
                c
            }
            Engine::Firefox => {
                let mut c =
                    Command::new(which("geckodriver").unwrap_or_else(|| "geckodriver".into()));
                c.args(["--host", "127.0.0.1", "--port", &port.to_string()]);
                c
            }
            Engine::WebKit => {
                let mut c = Command::new("xvfb-run");
                c.args(["-a", "WebKitWebDriver", &format!("--port={port}")]);
                c
            }
        }
    }

    /// Whether the engine runs on a virtual X display (Xvfb).
    fn needs_display(self) -> bool {
        matches!(self, Engine::Firefox | Engine::WebKit)
    }

    fn capabilities(self, profile: &Path, display: Option<&str>) -> serde_json::Map<String, Value> {
        let caps = match self {
            Engine::Chromium => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": which("chromium").map(|p| p.display().to_string()).unwrap_or_else(|| "/usr/bin/chromium".into()),
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1280,900",
                        format!("--user-data-dir={}", profile.display()),
                    ]
                }
            }),
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": which("firefox-esr").map(|p| p.display().to_string()).unwrap_or_else(|| "/usr/bin/firefox-esr".into()),
                    "args": ["-width", "1280", "-height", "900"],
                    "env": { "DISPLAY": display.unwrap_or(":0") },
                    "prefs": {
                        "app.update.enabled": false,
                        "focusmanager.testmode": true,
                        "browser.shell.checkDefaultBrowser": false,
                        "network.captive-portal-service.enabled": false,
                        "network.connectivity-service.enabled": false,
                        "browser.safebrowsing.malware.enabled": false,
                        "browser.safebrowsing.phishing.enabled": false,
                        "datareporting.policy.dataSubmissionEnabled": false,
                        "toolkit.telemetry.enabled": false,
                        "extensions.update.enabled": false
                    }
                }
            }),
            Engine::WebKit => json!({
                "webkitgtk:browserOptions": { "args": ["--automation"] }
            }),
        };
        caps.as_object().cloned().unwrap_or_default()
    }
}

/// Finds `program` on PATH (and in cargo's bin folder, where geckodriver is installed).
pub fn which(program: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(home).join("bin"));
    } else if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    dirs.into_iter()
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

/// A running WebDriver and a session on it; the driver is stopped on drop.
pub struct Browser {
    /// The WebDriver session.
    pub client: Client,
    /// Which engine.
    pub engine: Engine,
    driver: Child,
    display: Option<Child>,
    profile: PathBuf,
}

impl Browser {
    /// Starts the engine's driver on a free port and opens a session with a fresh profile.
    pub async fn start(engine: Engine) -> Result<Browser, String> {
        let port = free_port();
        let profile = std::env::temp_dir().join(format!(
            "parallax-e2e-{}-{}-{port}",
            engine.name(),
            std::process::id()
        ));
        std::fs::create_dir_all(&profile).map_err(|e| e.to_string())?;
        // The driver's output goes to a log beside the profile, for when a session fails.
        let log = std::fs::File::create(
            std::env::temp_dir().join(format!("parallax-e2e-{}.log", engine.name())),
        )
        .map_err(|e| e.to_string())?;
        let (display, display_name) = if engine.needs_display() {
            let (child, name) = start_xvfb()?;
            (Some(child), Some(name))
        } else {
            (None, None)
        };
        let mut cmd = engine.driver(port);
        if let Some(d) = &display_name {
            cmd.env("DISPLAY", d);
        }
        let mut driver = cmd
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map_err(|e| format!("cannot start the {} driver: {e}", engine.name()))?;
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(60);
        let client = loop {
            match ClientBuilder::rustls()
                .map_err(|e| e.to_string())?
                .capabilities(engine.capabilities(&profile, display_name.as_deref()))
                .connect(&url)
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() > deadline => {
                    let _ = driver.kill();
                    return Err(format!("no {} session: {e}", engine.name()));
                }
                Err(_) => {
                    if let Ok(Some(status)) = driver.try_wait() {
                        return Err(format!("the {} driver exited: {status}", engine.name()));
                    }
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        };
        Ok(Browser {
            client,
            engine,
            driver,
            display,
            profile,
        })
    }

    /// Ends the session and stops the driver.
    pub async fn stop(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        if let Some(mut x) = self.display.take() {
            let _ = x.kill();
            let _ = x.wait();
        }
        let _ = std::fs::remove_dir_all(&self.profile);
    }

    /// Evaluates `script` (a function body; `arguments` holds `args`) in the page.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.client
            .execute(script, args)
            .await
            .map_err(|e| format!("script failed: {e}\n{script}"))
    }

    /// Waits until `script` (a function body returning a value) returns something truthy,
    /// and returns it; fails with `what` after [`WAIT`].
    pub async fn wait_for(&self, what: &str, script: &str) -> Result<Value, String> {
        let deadline = Instant::now() + WAIT;
        let mut last;
        loop {
            match self.client.execute(script, vec![]).await {
                Ok(v) if truthy(&v) => return Ok(v),
                Ok(v) => last = v,
                Err(e) => last = Value::String(e.to_string()),
            }
            if Instant::now() > deadline {
                return Err(format!("timed out waiting for {what} (last value: {last})"));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Opens `url` and waits until the app has rendered its main region.
    pub async fn open(&self, url: &str) -> Result<(), String> {
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("goto {url}: {e}"))?;
        // The app, not the static first paint it replaces (which has the same markup).
        self.wait_for(
            "the app to render",
            "return document.querySelector('main#main > *') !== null && document.querySelector('#first-paint') === null",
        )
        .await?;
        Ok(())
    }

    /// Loads `url` afresh (a new document, even when only the fragment differs from the
    /// current address) and waits for the static first paint: for pages whose app never
    /// loads.
    pub async fn open_static(&self, url: &str) -> Result<(), String> {
        self.client
            .goto("about:blank")
            .await
            .map_err(|e| format!("goto about:blank: {e}"))?;
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("goto {url}: {e}"))?;
        self.wait_for(
            "the static first paint",
            "return document.querySelector('#first-paint main#main > *') !== null",
        )
        .await?;
        Ok(())
    }
}

/// Starts an Xvfb server on a free display number and waits for its socket.
fn start_xvfb() -> Result<(Child, String), String> {
    let n = (90..400)
        .find(|n| {
            !Path::new(&format!("/tmp/.X{n}-lock")).exists()
                && !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
        })
        .ok_or("no free X display number")?;
    let name = format!(":{n}");
    let child = Command::new(which("Xvfb").unwrap_or_else(|| "Xvfb".into()))
        .args([
            name.as_str(),
            "-screen",
            "0",
            "1280x1024x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start Xvfb: {e}"))?;
    let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
    let deadline = Instant::now() + Duration::from_secs(20);
    while !socket.exists() {
        if Instant::now() > deadline {
            return Err(format!("Xvfb {name} did not start"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok((child, name))
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(_) => true,
    }
}

/// Fails with `msg` unless `cond`.
pub fn ensure(cond: bool, msg: impl Into<String>) -> Result<(), String> {
    if cond {
        Ok(())
    } else {
        Err(msg.into())
    }
}
