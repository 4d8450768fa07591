// The copy button of the token shown once. Without JavaScript the button stays hidden and the token
// is selected in its read-only box by hand.
for (const button of document.querySelectorAll('button[data-copy]')) {
  const field = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.status);
  if (!field || !status) continue;
  field.addEventListener('focus', () => field.select());
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = button.dataset.ok;
    } catch {
      field.focus();
      field.select();
      status.textContent = button.dataset.fail;
    }
  });
}
