def test_dashboard_greets_signed_in_user(client_as):
    client = client_as("viewer")
    response = client.get("/")
    assert response.status_code == 200
    assert "Welkom, Test viewer." in response.text
