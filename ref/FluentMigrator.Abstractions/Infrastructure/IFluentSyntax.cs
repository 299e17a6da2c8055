using System.ComponentModel;

namespace FluentMigrator.Infrastructure;

[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFluentSyntax
{
}
