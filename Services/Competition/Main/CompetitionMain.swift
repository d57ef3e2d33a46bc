import JCSkillsServiceKit
import CompetitionService

@main
enum CompetitionMain {
    static func main() async {
        await ServiceCommand<CompetitionDefinition>.main()
    }
}
