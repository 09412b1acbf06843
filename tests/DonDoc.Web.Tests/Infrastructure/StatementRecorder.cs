using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DonDoc.Web.Tests.Infrastructure;

/// <summary>The reading statements a context sent, with their parameters, in order.</summary>
public sealed class StatementRecorder : DbCommandInterceptor
{
    public List<(string Text, List<(string Name, object? Value, DbType Type)> Parameters)> Statements { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Statements.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value, p.DbType)).ToList()));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
