namespace Nop.Core.Caching;

public partial class CacheKey
{
    /// <remarks>
    /// The host reads the default cache time from its AppSettings; the surface uses nopCommerce's
    /// shipped default (60 minutes) so keys can be created outside the host, in tests.
    /// </remarks>
    public CacheKey(string key)
    {
        Key = key;
    }

    public virtual CacheKey Create(Func<object, object> createCacheKeyParameters, params object[] keyObjects)
    {
        var parameters = keyObjects.Select(createCacheKeyParameters).ToArray();
        var key = parameters.Length == 0 ? Key : string.Format(Key, parameters);

        return new CacheKey(key);
    }

    public string Key { get; protected set; }

    public int CacheTime { get; set; } = 60;
}
