import Foundation
import Analysis

/// Words for the analyser's facts, shared by tooltips, hovers, diagnostics and `annotate` so they all say
/// the same thing the same way. Markdown: code in backticks, emphasis in `**`; `Markup.plain` strips it.
enum Describe {
    /// "`<module>`" for module level, "`f()`" for a function's frame.
    static func frame(_ frame: String) -> String {
        frame == "<module>" ? "`<module>`" : "`\(frame)()`"
    }

    static func label(_ id: ObjectID, in result: AnalysisResult) -> String {
        result.object(id)?.label ?? "object #\(id.raw + 1)"
    }

    /// One holder, as a reader of the code would name it.
    static func holder(_ h: Holder, in result: AnalysisResult) -> String {
        switch h {
        case .name(let n, let f): return "`\(n)` in \(frame(f))"
        case .slot(let c, let slot): return "slot `\(slot)` of \(label(c, in: result))"
        case .attribute(let o, let a): return "attribute `.\(a)` of \(label(o, in: result))"
        case .hidden(let why): return "hidden: \(why)"
        }
    }

    /// "list #1, created line 4 (`[1, 2, 3]`)".
    static func object(_ id: ObjectID, in result: AnalysisResult, source: SourceLines) -> String {
        guard let o = result.object(id) else { return label(id, in: result) }
        var s = "\(o.label), created line \(o.allocationSite.line)"
        let site = o.allocationExpression ?? o.allocationSite
        let code = source.snippet(site)
        if !code.isEmpty { s += " (`\(code)`)" }
        if o.isSummary { s += ", one of many made in a loop" }
        return s
    }

    /// "rc **2**, held by `a` in `<module>`, slot `[0]` of list #2".
    static func count(_ state: ObjectState, in result: AnalysisResult) -> String {
        var s = "rc **\(HintLabel.text(state.count).dropFirst(3))**"
        switch state.count {
        case .exact(0): s = "**freed**"
        case .unknown: s = "rc **unknown**"
        case .interned, .opaque: s = HintLabel.text(state.count)
        case .range: s += " (it differs between the times this runs: loop iterations, calls or branches)"
        case .atLeast: s += " (a lower bound: not every reference is known)"
        default: break
        }
        if !state.holders.isEmpty {
            s += ", held by " + state.holders.map { holder($0, in: result) }.joined(separator: ", ")
        }
        return s
    }

    /// The words after "a:" for a shared value: "`int` `10`, shared: small ints are cached".
    static func shared(typeName: String, text: String, count: RefCount) -> String {
        let why: String
        switch count {
        case .interned(let reason): why = explain(interned: reason)
        case .opaque: why = "a class: its count includes the interpreter's own references"
        default: why = "shared"
        }
        return "`\(typeName)` `\(text)` — not counted: \(why)"
    }

    /// The analyser's short reason, in words a Python programmer follows.
    static func explain(interned reason: String) -> String {
        switch reason {
        case "small int": return "small ints (-5 to 256) are preallocated and shared by the whole interpreter"
        case "singleton": return "None, True, False and Ellipsis are singletons shared by the whole interpreter"
        case "cached one-character string": return "one-character strings are cached and shared"
        case "one-character string": return "one-character strings are shared or indistinguishable from shared ones"
        case "module": return "a module is shared through sys.modules"
        case "pre-existing object": return "it existed before the program started (a builtin or library object)"
        case "compile-time constant": return "a compile-time constant, shared with the code object that holds it"
        default: return reason
        }
    }

    /// "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}

/// Markdown or plain text, as the client's `contentFormat` prefers.
enum Markup {
    case markdown, plaintext

    func render(_ markdown: String) -> String {
        switch self {
        case .markdown: return markdown
        case .plaintext: return Markup.plain(markdown)
        }
    }

    /// Drops Markdown emphasis (`**`) and code marks; keeps the words. Byte-level: hovers are hot.
    static func plain(_ markdown: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(markdown.utf8.count)
        var previousStar = false
        for b in markdown.utf8 {
            if b == UInt8(ascii: "*") {
                if previousStar { previousStar = false } else { previousStar = true }
                continue
            }
            if previousStar { out.append(UInt8(ascii: "*")); previousStar = false }
            if b != UInt8(ascii: "`") { out.append(b) }
        }
        if previousStar { out.append(UInt8(ascii: "*")) }
        return String(decoding: out, as: UTF8.self)
    }
}
