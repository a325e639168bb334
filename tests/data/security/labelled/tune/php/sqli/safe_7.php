<?php
$conn = mysqli_connect('localhost', 'u', 'p', 'db');
sscanf($_POST['order'], "%d", $orderId);
mysqli_query($conn, "SELECT * FROM orders WHERE id = $orderId");
