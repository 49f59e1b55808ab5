import ArgumentParser
import LabbookNotebook
import LabbookPreview
import LabbookReport
import LabbookRun

/// `labbook preview NOTEBOOK`: the report live in the browser while the notebook is written.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve a notebook's report and render it again on every save; open pages update by themselves.",
        discussion: "Listens on the loopback interface only, unless --host says otherwise. Ctrl-C stops it."
    )

    @Argument(help: "The notebook to preview.")
    var notebook: String

    @Option(help: "The port to listen on.")
    var port = 4848

    @Option(help: "The address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface).")
    var host = "127.0.0.1"

    @OptionGroup var running: RunOptions

    func validate() throws {
        if !(1...65535).contains(port) { throw ValidationError("--port must be from 1 to 65535") }
    }

    func run() throws {
        var options = running.renderOptions
        if let template = running.template {
            do {
                options.template = try ReportTemplate(contentsOf: template)
            } catch {
                StandardError.write("\(error)")
                throw ExitCode(2)
            }
        }
        let status = Preview.run(notebook, options: options, address: Preview.Address(host: host, port: port))
        if status != 0 { throw ExitCode(status) }
    }
}
