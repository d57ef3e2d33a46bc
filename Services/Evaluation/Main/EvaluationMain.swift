import JCSkillsServiceKit
import EvaluationService

@main
enum EvaluationMain {
    static func main() async {
        await ServiceCommand<EvaluationDefinition>.main()
    }
}
