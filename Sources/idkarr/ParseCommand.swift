import ArgumentParser
import IdkarrParsing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `idkarr parse [--json] [TITLE...]` — what idkarr reads from release titles and file paths.
///
/// With titles as arguments: one JSON object per title. Without: one title per line from standard
/// input, one JSON object per input line (JSON Lines), in order, also for lines that name nothing.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read release titles or file paths and print what idkarr understands (JSON, one object per title).")

    @Argument(help: "Release titles or file paths. Without any, titles are read from standard input, one per line.")
    var titles: [String] = []

    @Flag(help: "Print JSON (the default and only format; accepted for scripts that pass it).")
    var json = false

    func run() throws {
        var out = OutputBuffer()
        if !titles.isEmpty {
            for title in titles { out.line(ReleaseParser.parse(title).jsonString()) }
        } else {
            while let line = readLine(strippingNewline: true) {
                let title = line.hasSuffix("\r") ? String(line.dropLast()) : line
                out.line(ReleaseParser.parse(title).jsonString())
            }
        }
        out.flush()
    }
}

/// Buffered standard output: JSON Lines are written in 64 KB blocks.
struct OutputBuffer {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    mutating func line(_ s: String) {
        bytes.append(contentsOf: s.utf8)
        bytes.append(10)
        if bytes.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { p in
            var offset = 0
            while offset < p.count {
                let n = write(1, p.baseAddress! + offset, p.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
