namespace Nop.Core;

[Serializable]
public partial class PagedList<T> : List<T>, IPagedList<T>
{
    /// <remarks>
    /// With <paramref name="totalCount"/> the source is taken to be one page already; without it the page is cut from the source.
    /// </remarks>
    public PagedList(IList<T> source, int pageIndex, int pageSize, int? totalCount = null)
    {
        PageSize = Math.Max(pageSize, 1);
        PageIndex = pageIndex;
        TotalCount = totalCount ?? source.Count;
        TotalPages = (TotalCount + PageSize - 1) / PageSize;

        var page = totalCount.HasValue ? source : source.Skip(pageIndex * PageSize).Take(PageSize);
        AddRange(page);
    }

    public int PageIndex { get; }

    public int PageSize { get; }

    public int TotalCount { get; }

    public int TotalPages { get; }

    public bool HasPreviousPage => PageIndex > 0;

    public bool HasNextPage => PageIndex + 1 < TotalPages;
}
