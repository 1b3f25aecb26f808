import Foundation
import Testing

@testable import IdkarrIndexers

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks a written document beyond what `FeedReader` needs: a byte scan for what XML 1.0
/// forbids, libxml2 through `XMLParser` (a parser that is not ours; it lets an unclosed root and
/// undeclared prefixes pass), and `XMLReader` with a walk that every prefix is declared.
enum WellFormed {
    /// nil when `bytes` is a well-formed, namespace-well-formed XML 1.0 document; else why not.
    static func problem(_ bytes: [UInt8]) -> String? {
        if let byte = bytes.first(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            return "the control byte \(byte) is in the document"
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { return "the document is not UTF-8" }
        if String(decoding: bytes, as: UTF8.self).unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF }) {
            return "U+FFFE or U+FFFF is in the document"
        }
        #if canImport(FoundationXML)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        guard parser.parse() else {
            return "XMLParser: \(parser.parserError.map { "\($0)" } ?? "failed") at line \(parser.lineNumber)"
        }
        #endif
        do throws(XMLSyntaxError) {
            return undeclaredPrefix(try XMLReader.parse(bytes), declared: ["xml"])
        } catch {
            return "XMLReader: \(error.message) at line \(error.line)"
        }
    }

    private static func undeclaredPrefix(_ node: IdkarrIndexers.XMLNode, declared: Set<String>) -> String? {
        var declared = declared
        for attribute in node.attributes where attribute.name.hasPrefix("xmlns:") {
            declared.insert(String(attribute.name.dropFirst(6)))
        }
        let names = [node.name] + node.attributes.map { $0.name }.filter { !$0.hasPrefix("xmlns") }
        for name in names {
            if let colon = name.firstIndex(of: ":"), !declared.contains(String(name[..<colon])) {
                return "the prefix of \(name) is not declared"
            }
        }
        for child in node.children {
            if let problem = undeclaredPrefix(child, declared: declared) { return problem }
        }
        return nil
    }
}
