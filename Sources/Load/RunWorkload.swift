import ArgumentParser
import Foundation
import JCSkillsLoad
import JCSkillsMessages

/// Runs `workload` as the options say, prints the report, and sets the exit status.
func runWorkload(_ workload: any Workload, _ options: TargetOptions, defaultService: String? = nil) async throws {
    let interactive = isatty(STDERR_FILENO) == 1 && !options.json
    let showProgress: @Sendable (LoadProgress) -> Void = { progress in writeError("\r\u{1B}[K" + progress.line) }
    let report: LoadReport
    do {
        report = try await LoadSession.run(
            workload, target: options.target(defaultService: defaultService), plan: options.plan, mix: options.mix,
            progress: interactive ? showProgress : nil)
    } catch let error as WorkloadMix.Error {
        throw ValidationError(error.description)
    } catch {
        if interactive { writeError("\r\u{1B}[K") }
        writeError(Messages.Load.failed("\(error)").text() + "\n")
        throw ExitCode(2)
    }
    if interactive { writeError("\r\u{1B}[K") }
    print(options.json ? try report.json() : report.table())
    if report.errorCount > 0 || report.stoppedEarly != nil { throw ExitCode(1) }
}

func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
