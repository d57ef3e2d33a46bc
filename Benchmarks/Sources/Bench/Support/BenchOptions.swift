/// Command line of `jcskills-bench` (see `usage`).
struct BenchOptions {
    enum Mode {
        case compare
        case serve(Implementation, pki: String)
    }

    var mode: Mode = .compare
    var plan = EchoPlan()
    var runs = 3
    var implementations = Implementation.allCases
    var echo = true
    var codec = true
    var codecIterations = 1_000_000

    static let usage = """
        usage: jcskills-bench [options]          run the comparison, print a Markdown report
               jcskills-bench serve IMPL --pki DIR   (internal: the server child process)

        Each echo implementation runs its server in a child process (this executable) and its
        client here, over one mutual-TLS connection (TLS 1.3, ECDSA P-256).

        options:
          --duration S      measured seconds per implementation and concurrency (default 5)
          --warmup S        unmeasured seconds before each measurement (default 1)
          --runs N          repeat the echo comparison N times; report medians (default 3)
          --outstanding L   comma-separated outstanding calls (default 1,16,64)
          --payload B       request and response payload bytes (default 200)
          --only L          comma-separated subset of: ours, grpc, floor
          --iterations N    codec iterations per repetition (default 1000000; 3 repetitions)
          --no-echo         skip the echo comparison
          --no-codec        skip the codec comparison
          -h, --help        this text
        """

    static func parse(_ arguments: [String]) throws -> BenchOptions {
        var options = BenchOptions()
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = rest.popFirst() else { throw BenchError("\(name) needs a value") }
            return next
        }
        func number(_ name: String) throws -> Double {
            guard let parsed = Double(try value(name)), parsed > 0 else { throw BenchError("\(name) needs a positive number") }
            return parsed
        }
        if rest.first == "serve" {
            rest.removeFirst()
            guard let name = rest.popFirst(), let implementation = Implementation(rawValue: name) else {
                throw BenchError("serve needs one of: \(Implementation.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard rest.popFirst() == "--pki" else { throw BenchError("serve needs --pki DIR") }
            options.mode = .serve(implementation, pki: try value("--pki"))
            return options
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--duration": options.plan.duration = .milliseconds(Int(try number(argument) * 1000))
            case "--warmup": options.plan.warmup = .milliseconds(Int(try number(argument) * 1000))
            case "--runs": options.runs = Int(try number(argument))
            case "--payload": options.plan.payloadBytes = Int(try number(argument))
            case "--iterations": options.codecIterations = Int(try number(argument))
            case "--outstanding":
                let list = try value(argument).split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
                guard !list.isEmpty else { throw BenchError("--outstanding needs numbers, e.g. 1,16,64") }
                options.plan.outstanding = list
            case "--only":
                let names = try value(argument).split(separator: ",").map(String.init)
                let chosen = names.compactMap(Implementation.init(rawValue:))
                guard chosen.count == names.count, !chosen.isEmpty else { throw BenchError("--only takes ours, grpc, floor") }
                options.implementations = chosen
            case "--no-echo": options.echo = false
            case "--no-codec": options.codec = false
            case "-h", "--help":
                print(usage)
                throw BenchExit.success
            default: throw BenchError("unknown option \(argument)\n\(usage)")
            }
        }
        return options
    }
}

enum BenchExit: Error {
    case success
}
