// Service code writes its queries with SQLKit against the `SQLDatabase` the store hands out;
// re-exporting it means `import JCSkillsStore` is all a service needs.
@_exported import SQLKit
