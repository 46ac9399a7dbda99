"""strikemap dashboard: `streamlit run app.py` (the page itself lives in dashboard/page.py)."""
from dashboard.page import main

main()
