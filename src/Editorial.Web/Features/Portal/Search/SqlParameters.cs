using System.Data.Common;

namespace Editorial.Web.Features.Portal.Search;

/// <summary>The FTS5 statements are plain ADO.NET commands (EF has no model for a virtual table).</summary>
internal static class SqlParameters
{
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
