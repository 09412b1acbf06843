using DonDoc.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace DonDoc.Web.Infrastructure;

/// <summary>How long to wait for the database, and how often to try again (settings under <c>Database:</c>).</summary>
public sealed record DatabaseLimits(int MaxRetryCount, TimeSpan MaxRetryDelay, int CommandTimeoutSeconds)
{
    public static readonly DatabaseLimits Default = new(3, TimeSpan.FromSeconds(2), 30);

    public static DatabaseLimits From(IConfiguration config) => new(
        config.GetValue("Database:MaxRetryCount", Default.MaxRetryCount),
        config.GetValue("Database:MaxRetryDelay", Default.MaxRetryDelay),
        config.GetValue("Database:CommandTimeout", Default.CommandTimeoutSeconds));
}

/// <summary>
/// EF Core's retrying strategy for PostgreSQL (what <c>EnableRetryOnFailure</c> installs), retrying only whole units
/// of work: a query, a save that is its own transaction, or an operation run through
/// <c>Database.CreateExecutionStrategy().ExecuteAsync</c> (every API call that writes, <see cref="Retries.RetryWrites"/>).
/// A command inside a transaction is never retried alone, since the failure took the transaction's earlier work with it:
/// it fails, and the unit around it starts again from its first read. Never retried either: a commit that failed (it may
/// have been applied; the client retries with its Idempotency-Key) and a timeout (the database is slow, and trying again
/// would only add to its load).
/// </summary>
public sealed class RetryWholeUnits(ExecutionStrategyDependencies dependencies, DatabaseLimits limits)
    : NpgsqlRetryingExecutionStrategy(dependencies, limits.MaxRetryCount, limits.MaxRetryDelay, null)
{
    private DbContext Context => Dependencies.CurrentContext.Context;

    protected override void OnFirstExecution()
    {
        CommitWatch.Reset(Context);
        // The base class refuses to run inside a transaction begun outside it; here such a command runs, unretried.
        if (Context.Database.CurrentTransaction is null)
            base.OnFirstExecution();
        else
            ExceptionsEncountered.Clear();
    }

    protected override bool ShouldRetryOn(Exception? exception) =>
        exception is not null
        && Context.Database.CurrentTransaction is null
        && !CommitWatch.Failed(Context)
        && Fault.Of(exception) != Fault.Timeout
        && base.ShouldRetryOn(exception);
}

/// <summary>Notes a failed commit on its context: whether it was applied is unknown, so it must not be run again.</summary>
public sealed class CommitWatch : DbTransactionInterceptor
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> FailedCommits = new();

    public static bool Failed(DbContext db) => FailedCommits.TryGetValue(db, out _);

    public static void Reset(DbContext db) => FailedCommits.Remove(db);

    public override Task TransactionFailedAsync(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken ct = default)
    {
        if (eventData.Action == "Commit" && eventData.Context is { } db)
            FailedCommits.AddOrUpdate(db, true);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Action == "Commit" && eventData.Context is { } db)
            FailedCommits.AddOrUpdate(db, true);
    }
}

public static class Retries
{
    /// <summary>
    /// An API call that writes runs as one retriable unit: on a transient failure it starts again from its first
    /// read, with nothing tracked from the failed attempt. Reads need no more than the strategy gives each query.
    /// </summary>
    public static TBuilder RetryWrites<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                return await next(context);
            var db = http.RequestServices.GetRequiredService<AppDb>();
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                return await next(context);
            });
        });
}
