using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace DonDoc.Web.Features.Shared;

/// <summary>
/// A list's order as a list of keys, the last one unique, so that a page can start right after a row:
/// "after (a, b, id)" is (a = x AND b = y AND id &gt; z), then (a = x AND b &gt; y), then (a &gt; x), each key in its
/// own direction: runs that the databases read from where the previous page ended instead of counting
/// their way there. A nullable key must follow a key that puts its nulls apart (t.X == null), so that
/// among rows equal on the keys before it, it is null in all of them or in none.
/// </summary>
public sealed class Keyset<TEntity, TRow>
{
    private sealed record Key(LambdaExpression Expression, Type Type, bool Descending, Func<TRow, object?> Value);

    private readonly List<Key> _keys = [];

    public Keyset<TEntity, TRow> By<TKey>(Expression<Func<TEntity, TKey>> key, Func<TRow, TKey> value, bool descending = false)
    {
        _keys.Add(new Key(key, typeof(TKey), descending, r => value(r)));
        return this;
    }

    public IOrderedQueryable<TEntity> Order(IQueryable<TEntity> query) => Order(query, 0);

    // Ordered by the keys from the given one on: the keys before it are equal in every row.
    private IOrderedQueryable<TEntity> Order(IQueryable<TEntity> query, int from)
    {
        var ordered = query;
        for (var i = from; i < _keys.Count; i++)
        {
            var name = (i == from ? "OrderBy" : "ThenBy") + (_keys[i].Descending ? "Descending" : "");
            ordered = ordered.Provider.CreateQuery<TEntity>(Expression.Call(typeof(Queryable), name,
                [typeof(TEntity), _keys[i].Type], ordered.Expression, Expression.Quote(_keys[i].Expression)));
        }
        return (IOrderedQueryable<TEntity>)ordered;
    }

    public object?[] ValuesOf(TRow row) => _keys.Select(k => k.Value(row)).ToArray();

    /// <summary>The key values read back from a cursor, or null when they are not this order's.</summary>
    public object?[]? Read(JsonElement[] values)
    {
        if (values.Length != _keys.Count)
            return null;
        try
        {
            var read = new object?[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                read[i] = values[i].Deserialize(_keys[i].Type);
                if (read[i] is null && Nullable.GetUnderlyingType(_keys[i].Type) is null && _keys[i].Type.IsValueType)
                    return null;
            }
            return read;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The rows that follow the row whose key values are given, as runs in this order, nearest first: run i holds the rows
    /// equal to it on the keys before key i and beyond it on key i. Each run is one range of an index on the keys (an
    /// equality on a prefix, then a range), which the databases seek to and read in order; one predicate for all of them
    /// (a &gt; x OR a = x AND b &gt; y …) would be read from the start of the index instead. Each run is ordered by the keys
    /// it does not hold equal, since SQLite sorts a run again when its order names a key its WHERE fixes.
    /// </summary>
    public IEnumerable<IOrderedQueryable<TEntity>> RunsAfter(IQueryable<TEntity> query, object?[] values)
    {
        var row = Expression.Parameter(typeof(TEntity), "t");
        var keys = _keys.Select(k => new Rebind(k.Expression.Parameters[0], row).Visit(k.Expression.Body)).ToList();
        for (var i = _keys.Count - 1; i >= 0; i--)
        {
            if (Beyond(keys[i], _keys[i].Type, values[i], _keys[i].Descending) is not { } beyond)
                continue;
            var run = Enumerable.Range(0, i).Aggregate(beyond, (all, k) => Expression.AndAlso(Equal(keys[k], _keys[k].Type, values[k]), all));
            // Beyond a yes/no key lies one value only: that key is fixed in the run too.
            yield return Order(query.Where(Expression.Lambda<Func<TEntity, bool>>(run, row)), _keys[i].Type == typeof(bool) ? i + 1 : i);
        }
    }

    // Values go in as parameters, so that every page of a list shares one query plan.
    private static Expression Value(Type type, object? value) =>
        Expression.Property(Expression.Constant(Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), value)), "Value");

    private static Expression Equal(Expression key, Type type, object? value) =>
        value is null ? Expression.Equal(key, Expression.Constant(null, type)) : Expression.Equal(key, Value(type, value));

    /// <summary>key &gt; value (or &lt; when descending); null when no row can be beyond it on this key.</summary>
    private static Expression? Beyond(Expression key, Type type, object? value, bool descending)
    {
        // Nulls were put apart by an earlier key: among the rows still equal, all are null alike.
        if (value is null)
            return null;
        if (type == typeof(bool))
        {
            // false sorts before true. The one value beyond is compared as a parameter, "(x IS NULL) = @v" rather than
            // "x IS NULL", which is how an index on the key's expression is sought.
            var v = (bool)value;
            return descending == v ? Expression.Equal(key, Value(type, !v)) : null;
        }
        if (type == typeof(string))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(string)])!,
                key, Value(type, value));
            return descending ? Expression.LessThan(compare, Expression.Constant(0)) : Expression.GreaterThan(compare, Expression.Constant(0));
        }
        return descending ? Expression.LessThan(key, Value(type, value)) : Expression.GreaterThan(key, Value(type, value));
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

// A key value the query reads as a parameter.
internal sealed class Box<T>(T value)
{
    public T Value { get; } = value;
}
