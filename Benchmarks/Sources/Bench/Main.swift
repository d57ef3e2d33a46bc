import Foundation

/// `jcskills-bench`: our protocol against grpc-swift 2 and a bare NIO + TLS echo, and our
/// codec against swift-protobuf; prints a Markdown report (`./run.sh` keeps it in results/).
@main
enum BenchMain {
    static func main() async {
        do {
            let options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
            switch options.mode {
            case .serve(let implementation, let directory):
                ServerProcess.exitWhenParentGoes()
                let pki = BenchPKI(directory: directory)
                switch implementation {
                case .ours: try await OursEcho.serve(pki: pki)
                case .grpc: try await GRPCEcho.serve(pki: pki)
                case .floor: try await FloorServer.serve(pki: pki)
                }
            case .compare:
                print(try await Comparison(options: options).run())
            }
        } catch BenchExit.success {
            return
        } catch {
            FileHandle.standardError.write(Data("jcskills-bench: \(error)\n".utf8))
            exit(1)
        }
    }
}
