<?php
$conn = mysqli_connect('localhost', 'u', 'p', 'db');
$hex = $_GET['h'];
mysqli_query($conn, "SELECT * FROM colors WHERE rgb = " . $hex);
