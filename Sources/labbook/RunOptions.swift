import ArgumentParser
import LabbookNotebook
import LabbookRun

/// The options of running a notebook that `render` and `preview` share.
struct RunOptions: ParsableArguments {
    @Option(help: "The folder reports go to (each notebook's in a folder of its name).")
    var output = "output"

    @Option(help: "The seed of every random stream (default: the front matter's seed).")
    var seed: Int?

    @Option(help: "Engine threads (default: the front matter's `threads`, or every logical processor).")
    var threads: Int?

    @Flag(help: "Keep raw HTML from the notebook in index.html.")
    var allowHtml = false

    @Option(help: "A mustache template for index.html instead of templates/report.html.mustache.")
    var template: String?

    @Option(help: "Folder with the Fashion-MNIST IDX files.")
    var data: String?

    @Flag(help: "Replace what is at a report's place even when labbook did not write it.")
    var force = false

    @Option(help: "The memory a notebook's session may hold, in MB (default: three quarters of the machine's memory).")
    var memory: Int?

    @Option(help: "The folder a notebook's own files (model.save, Sequential.load) stay in (default: its report's files/).")
    var files: String?

    func validate() throws {
        if let threads, !(1...FrontMatter.maximumThreads).contains(threads) {
            throw ValidationError("--threads must be from 1 to \(FrontMatter.maximumThreads)")
        }
        if let memory, !(64...(1 << 30)).contains(memory) { throw ValidationError("--memory must be at least 64 (MB)") }
    }

    /// The render's options these set (the template is loaded by the command).
    var renderOptions: NotebookRender.Options {
        var options = NotebookRender.Options()
        options.outputDirectory = output
        options.seed = seed
        options.threads = threads
        options.allowHTML = allowHtml
        options.dataDirectory = data
        options.force = force
        options.filesDirectory = files
        options.memoryLimit = memory.map { $0 << 20 }
        return options
    }
}
