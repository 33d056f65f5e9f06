export function PageLoading() {
  return (
    <p role="status" style={{ padding: 24 }}>
      正在加载……
    </p>
  );
}
